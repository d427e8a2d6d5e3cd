package io.vigil.monitor.store;

import java.util.List;

/** Tables of the monitor database; every statement is idempotent so opening an existing file is safe. */
final class Schema {
    private Schema() {
    }

    static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE IF NOT EXISTS traffic (
              ts TIMESTAMP NOT NULL,
              environment VARCHAR NOT NULL,
              api VARCHAR NOT NULL,
              method VARCHAR NOT NULL,
              endpoint VARCHAR NOT NULL,
              status_code INTEGER NOT NULL,
              result VARCHAR NOT NULL,
              response_time_ms DOUBLE NOT NULL,
              request_bytes BIGINT NOT NULL,
              response_bytes BIGINT NOT NULL,
              client_ip VARCHAR,
              user_agent VARCHAR,
              attributes JSON)""",
            "CREATE SEQUENCE IF NOT EXISTS monitor_ids START 1",
            """
            CREATE TABLE IF NOT EXISTS monitors (
              id BIGINT PRIMARY KEY,
              name VARCHAR NOT NULL,
              name_key VARCHAR NOT NULL,
              description VARCHAR,
              environment VARCHAR NOT NULL,
              status VARCHAR NOT NULL,
              schedule VARCHAR NOT NULL,
              definition JSON NOT NULL,
              created_at TIMESTAMP NOT NULL,
              updated_at TIMESTAMP NOT NULL)""",
            "CREATE SEQUENCE IF NOT EXISTS run_ids START 1",
            """
            CREATE TABLE IF NOT EXISTS runs (
              id BIGINT PRIMARY KEY,
              monitor_id BIGINT NOT NULL,
              fired_at TIMESTAMP NOT NULL,
              window_from TIMESTAMP NOT NULL,
              window_to TIMESTAMP NOT NULL,
              result VARCHAR NOT NULL,
              event VARCHAR NOT NULL,
              error VARCHAR)""",
            """
            CREATE TABLE IF NOT EXISTS condition_results (
              run_id BIGINT NOT NULL,
              idx INTEGER NOT NULL,
              type VARCHAR NOT NULL,
              measure VARCHAR NOT NULL,
              state VARCHAR NOT NULL,
              satisfied BOOLEAN NOT NULL,
              value DOUBLE,
              lower_band DOUBLE,
              upper_band DOUBLE,
              baseline DOUBLE,
              message VARCHAR)""",
            """
            CREATE TABLE IF NOT EXISTS action_attempts (
              run_id BIGINT NOT NULL,
              action_idx INTEGER NOT NULL,
              action_type VARCHAR NOT NULL,
              event VARCHAR NOT NULL,
              attempt INTEGER NOT NULL,
              attempted_at TIMESTAMP NOT NULL,
              success BOOLEAN NOT NULL,
              status_code INTEGER,
              message VARCHAR)""",
            // Licence-server request log: raw identifiers only when the settings keep them, pseudonyms always.
            """
            CREATE TABLE IF NOT EXISTS log_entries (
              id BIGINT NOT NULL,
              ts TIMESTAMP NOT NULL,
              product VARCHAR,
              key VARCHAR,
              machine_code VARCHAR,
              ip VARCHAR,
              product_pseudonym VARCHAR,
              key_pseudonym VARCHAR,
              machine_code_pseudonym VARCHAR,
              ip_pseudonym VARCHAR,
              country VARCHAR,
              state INTEGER NOT NULL,
              successful BOOLEAN NOT NULL,
              method VARCHAR,
              endpoint VARCHAR,
              attributes JSON)""",
            """
            CREATE TABLE IF NOT EXISTS log_anomalies (
              id BIGINT PRIMARY KEY,
              product_pseudonym VARCHAR,
              starting_at BIGINT NOT NULL,
              ending_at BIGINT NOT NULL,
              start_time TIMESTAMP NOT NULL,
              end_time TIMESTAMP NOT NULL,
              requests INTEGER NOT NULL,
              score DOUBLE NOT NULL,
              reason VARCHAR NOT NULL,
              top_features JSON NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS log_scoring (
              name VARCHAR PRIMARY KEY,
              value BIGINT NOT NULL)""");
}
