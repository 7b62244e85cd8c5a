import { AppError } from '../common';

export type MediaErrorCode = 'FFMPEG_NOT_FOUND' | 'FFPROBE_NOT_FOUND' | 'FFPROBE_FAILED';

/**
 * An AppError of the media layer: its tools are missing or failed (not a property of a file: unreadable
 * files resolve, they do not throw). `userMessage` Chinese for the UI, `logMessage` English.
 */
export function mediaError(code: MediaErrorCode, userMessage: string, logMessage: string, options?: { cause?: unknown }): AppError<MediaErrorCode> {
  return new AppError(code, userMessage, logMessage, options);
}
