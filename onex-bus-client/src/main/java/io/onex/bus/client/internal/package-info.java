/** Not API: the client's I/O loop, its dispatcher and their bookkeeping. */
package io.onex.bus.client.internal;
