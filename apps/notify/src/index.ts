export { createNotifyApp, NOTIFY_GROUP_ID, type NotifyApp, type NotifyAppOptions } from './notify-app';
