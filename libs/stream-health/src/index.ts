export * from './ffmpeg-output';
export * from './classify';
export * from './probe-schedule';
