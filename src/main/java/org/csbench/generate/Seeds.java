package org.csbench.generate;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Derives independent, reproducible random streams from the run's seed and names (LA code, ref). A stream
 * depends only on the seed and its names, so an LA's series do not change when more LAs or indicators are
 * asked for.
 */
final class Seeds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** A 64-bit seed for the stream named {@code parts} under {@code seed}. */
    static long of(long seed, String... parts) {
        long h = FNV_OFFSET;
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                h = (h ^ part.charAt(i)) * FNV_PRIME;
            }
            h = (h ^ 0x1F) * FNV_PRIME; // separator, so ("ab","c") differs from ("a","bc")
        }
        return mix(seed ^ mix(h));
    }

    /** A Mersenne-twister-class generator for the stream named {@code parts}. */
    static RandomGenerator random(long seed, String... parts) {
        return new Well19937c(of(seed, parts));
    }

    /** A uniform number in [0, 1) for position {@code index} of the stream {@code streamSeed}; no state. */
    static double uniform(long streamSeed, long index) {
        return (mix(streamSeed + GOLDEN * (index + 1)) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
