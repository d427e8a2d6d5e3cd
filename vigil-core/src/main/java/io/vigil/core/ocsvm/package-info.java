/**
 * One-class SVM: B. Schölkopf, J. C. Platt, J. Shawe-Taylor, A. J. Smola and R. C. Williamson, "Estimating the
 * Support of a High-Dimensional Distribution", Neural Computation 13(7), 2001. Training runs LIBSVM's own Java
 * solver (C.-C. Chang and C.-J. Lin, BSD-3-Clause) exactly as scikit-learn's {@code OneClassSVM} runs its C
 * version; scoring evaluates the fitted decision function over flat primitive arrays.
 */
package io.vigil.core.ocsvm;
