export type MediaErrorCode = 'FFMPEG_NOT_FOUND' | 'FFPROBE_NOT_FOUND' | 'FFPROBE_FAILED';

/** Operating error of the media layer (not a property of a file: unreadable files resolve, they do not throw). */
export class MediaError extends Error {
  override readonly name = 'MediaError';
  constructor(
    readonly code: MediaErrorCode,
    /** Chinese text for the UI. */
    readonly userMessage: string,
    /** English text for logs. */
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
