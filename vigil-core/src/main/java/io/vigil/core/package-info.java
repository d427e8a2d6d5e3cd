/**
 * Vigil's detector library: data containers, detectors, encoding, scoring and model files.
 * Nothing here knows about HTTP, SQL or terminals; every other module depends on this one.
 */
package io.vigil.core;
