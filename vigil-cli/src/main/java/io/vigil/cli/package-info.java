/** The {@code vigil} command line: picocli commands over vigil-core, with exit code 2 and one clear line for bad input. */
package io.vigil.cli;
