/**
 * Model files: a portable JSON document (format version, detector state, encoder, normaliser, threshold and
 * provenance) whose primitive arrays travel as base64 of their little-endian bytes, so loading gives bit-identical
 * scores. No Java serialisation. Files are written atomically.
 */
package io.vigil.core.modelfile;
