/** What Vigil tells a user about JSON it could not read. */
package io.vigil.core.json;
