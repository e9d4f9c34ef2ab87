/**
 * Proxy auto-configuration (PAC) files: fetching one ({@link
 * com.roomagent.agent.proxy.pac.PacFetcher}), evaluating its JavaScript with Mozilla Rhino under a
 * time limit and without Java access ({@link com.roomagent.agent.proxy.pac.PacScript}), and
 * reading its answer ({@link com.roomagent.agent.proxy.pac.PacDirective}). See docs/proxy.md.
 */
package com.roomagent.agent.proxy.pac;
