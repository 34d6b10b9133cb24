package fr.preuve.core.search;

/** The ranked lists fused: BM25 and vectors on the question, and on its rendering in the corpus's other language. */
enum Leg { BM25, VECTOR, CROSS_BM25, CROSS_VECTOR }
