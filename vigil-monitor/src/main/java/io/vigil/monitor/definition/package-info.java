/**
 * Monitor definitions: typed records for the query, filter, conditions and actions of a monitor, validated on
 * construction and read from JSON with unknown fields rejected by name.
 */
package io.vigil.monitor.definition;
