/** Whether video may flow: the privacy shutter and the camera's presence. */
package com.roomagent.hal.video;
