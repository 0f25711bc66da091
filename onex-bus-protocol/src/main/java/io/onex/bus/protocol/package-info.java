/**
 * The onex-bus wire protocol v1: error codes and the exception every decoder throws. Sub-packages
 * hold the frame codec ({@code codec}), the topic grammar ({@code topic}) and the ONEX event
 * envelope ({@code event}). Nothing here opens a socket or starts a thread, so every type is safe
 * to fuzz and to call from any thread.
 */
package io.onex.bus.protocol;
