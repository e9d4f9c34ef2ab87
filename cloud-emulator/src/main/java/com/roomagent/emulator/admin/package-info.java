/**
 * The administrator's command line against a running emulator ({@code cloud-emulator issue-code},
 * {@code cloud-emulator approve}): an HTTPS client of the admin endpoints that trusts the
 * emulator's {@code ca.pem} and presents its {@code admin-token}.
 */
package com.roomagent.emulator.admin;
