/**
 * Observability shared by every onex process (ARCHITECTURE.md section 9). {@code metrics} holds the
 * Prometheus metrics of a process: its buses, its registry and its JVM, served at {@code /metrics}.
 */
package io.onex.bus.observability;
