package com.roomagent.hal.profile;

/**
 * What the board can encode, and the largest video it is asked for.
 *
 * @param encoder the H.264 encoder
 * @param maxWidth pixels
 * @param maxHeight pixels
 * @param maxFps frames per second
 */
public record VideoSpec(Encoder encoder, int maxWidth, int maxHeight, int maxFps) {}
