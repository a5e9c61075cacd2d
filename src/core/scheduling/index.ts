/**
 * Sharing the main thread: long runs pause between steps and yield by time, through messages that a hidden window
 * does not throttle (time-slicer.ts).
 */
export { sortedSliced } from './sorted-sliced';
export { TimeSlicer, yieldToEventLoop, type Pause, type TimeSlicerOptions } from './time-slicer';
