/**
 * Cameras and sound cards found from sysfs and procfs under a configurable root (no ioctls, no
 * shelling out), matched to the board profile, and watched for hot-plug by polling.
 */
package com.roomagent.hal.devices;
