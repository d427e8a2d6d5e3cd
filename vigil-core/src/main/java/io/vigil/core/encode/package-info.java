/**
 * Schema encoding: rows of named, typed fields turned into the numeric matrix detectors read, learned at fit time
 * and stored with the model. Categorical handling follows scikit-learn's encoders ({@code OrdinalEncoder} with
 * unknown value -1, {@code OneHotEncoder(handle_unknown="ignore")}, median {@code SimpleImputer}); hashing follows
 * K. Weinberger, A. Dasgupta, J. Langford, A. Smola and J. Attenberg, "Feature Hashing for Large Scale Multitask
 * Learning", ICML 2009. {@link io.vigil.core.encode.SchemaEncoder} documents each field type.
 */
package io.vigil.core.encode;
