/**
 * Autoencoder anomaly detection: a dense network trained to reconstruct standardised rows, scoring each row by its
 * reconstruction error (the replicator-network idea of S. Hawkins, H. He, G. Williams and R. Baxter, "Outlier
 * Detection Using Replicator Neural Networks", DaWaK 2002; the PyOD {@code AutoEncoder} detector). Training is
 * mini-batch Adam (D. P. Kingma and J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015) with early
 * stopping on a held-out split, written over flat primitive arrays with no external ML library.
 */
package io.vigil.core.autoencoder;
