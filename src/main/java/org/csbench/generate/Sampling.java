package org.csbench.generate;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/** Count noise: Poisson and binomial draws, exact for small means and normal approximations for large ones. */
final class Sampling {
    /** Below this mean, commons-math's exact Poisson sampler; at or above, a normal approximation. */
    static final double POISSON_EXACT_BELOW = 40;
    /** Up to this many trials, a binomial is drawn trial by trial; above, a normal approximation. */
    static final long BINOMIAL_EXACT_UP_TO = 40;

    private Sampling() {
    }

    static long poisson(RandomGenerator random, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean < POISSON_EXACT_BELOW) {
            return new PoissonDistribution(random, mean, PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }

    static long binomial(RandomGenerator random, long trials, double p) {
        if (trials <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return trials;
        }
        if (trials <= BINOMIAL_EXACT_UP_TO) {
            long successes = 0;
            for (long i = 0; i < trials; i++) {
                if (random.nextDouble() < p) {
                    successes++;
                }
            }
            return successes;
        }
        double mean = trials * p;
        long draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * random.nextGaussian());
        return Math.max(0, Math.min(trials, draw));
    }
}
