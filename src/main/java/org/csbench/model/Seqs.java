package org.csbench.model;

import java.util.List;

import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Java lists as the Scala sequences Spark's Dataset API takes (join keys, column names). */
public final class Seqs {
    private Seqs() {
    }

    public static <T> Seq<T> of(List<T> items) {
        return CollectionConverters.asScala(items).toList();
    }

    public static Seq<String> of(String... names) {
        return of(List.of(names));
    }
}
