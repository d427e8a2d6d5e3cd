/**
 * Vigil's bridge into LIBSVM (C.-C. Chang and C.-J. Lin, "LIBSVM: a library for support vector machines", ACM TIST
 * 2011). LIBSVM's Java solver only sees kernels through its package-private {@code QMatrix}; this package adds a
 * dense RBF kernel matrix beside it, so the one-class solver runs on primitive arrays instead of one object per
 * feature value, while the optimisation itself stays LIBSVM's own.
 */
package libsvm;
