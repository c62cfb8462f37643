// Endpoints of notifications: the in-app list, unread count, marking read, preferences.
import { endpoint } from '../endpoint.ts';
import {
  MarkReadBody,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesBody,
  NotificationQuery,
  UnreadCount,
} from '../schemas/notifications.ts';

const tags = ['notifications'];

export const notificationsApi = {
  listNotifications: endpoint({
    method: 'GET',
    path: '/api/v1/notifications',
    operationId: 'listNotifications',
    tags,
    access: 'signed-in',
    summary: 'Your notifications, newest first, with the unread count.',
    query: NotificationQuery,
    response: NotificationPage,
  }),
  markNotificationsRead: endpoint({
    method: 'POST',
    path: '/api/v1/notifications/read',
    operationId: 'markNotificationsRead',
    tags,
    access: 'signed-in',
    summary: 'Mark some ({ ids }) or all ({ all: true }) notifications read.',
    body: MarkReadBody,
    response: UnreadCount,
  }),
  getNotificationPreferences: endpoint({
    method: 'GET',
    path: '/api/v1/me/notification-preferences',
    operationId: 'getNotificationPreferences',
    tags,
    access: 'signed-in',
    summary: 'Which kinds of notification you receive.',
    response: NotificationPreferences,
  }),
  updateNotificationPreferences: endpoint({
    method: 'PATCH',
    path: '/api/v1/me/notification-preferences',
    operationId: 'updateNotificationPreferences',
    tags,
    access: 'signed-in',
    summary: 'Switch kinds of notification on or off.',
    body: NotificationPreferencesBody,
    response: NotificationPreferences,
  }),
} as const;
