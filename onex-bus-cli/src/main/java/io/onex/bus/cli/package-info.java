/**
 * The {@code onex} command: {@code commands} holds one picocli class per subcommand, {@code deploy}
 * finds a running deployment (state files, HTTP), {@code http} serves the HTTP API of {@code onex
 * up}. Not API: the command line and HTTP paths are the contract.
 */
package io.onex.bus.cli;
