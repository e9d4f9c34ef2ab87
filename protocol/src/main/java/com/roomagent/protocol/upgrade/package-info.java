/** The software upgrade service's wire format (R19): a signed manifest naming one image. */
package com.roomagent.protocol.upgrade;
