/**
 * Web Proxy Auto-Discovery: where a Linux device can learn the PAC file's URL (DHCP option 252 in
 * lease files, then {@code wpad.<domain>} from the DNS search domain). See docs/proxy.md.
 */
package com.roomagent.agent.proxy.wpad;
