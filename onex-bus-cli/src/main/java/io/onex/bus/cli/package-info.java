/** onex-bus cli module. */
package io.onex.bus.cli;
