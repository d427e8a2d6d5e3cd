/** Evaluation of scores against known labels: ROC-AUC, average precision and the confusion matrix at a threshold. */
package io.vigil.core.eval;
