/**
 * Every model of the gateway's database, and the collections the driver writes for uploads. A process
 * that connects prepares all of them (collections and indexes), not only those its own imports reach:
 * a worker or a test that imports a few models must not leave the rest to be created by whichever
 * writer comes first. Concurrent creation of one collection is harmless on a native mongod, but the
 * Wine-run build this project falls back to offline crashes on it.
 */
import type { mongo } from 'mongoose';
import { ApplicationModel } from './application';
import { AuditLogModel } from './audit-log';
import { BookingModel } from './booking';
import { CalendarOverrideModel } from './calendar-override';
import { ComplaintModel } from './complaint';
import { GuideVersionModel } from './guide-version';
import { GuideModel } from './guide';
import { JobRunModel } from './job-run';
import { LeaseModel } from './lease';
import { MessageModel } from './message';
import { NoShowModel } from './no-show';
import { NoticeModel } from './notice';
import { Open311KeyModel } from './open311-key';
import { RateLimitModel } from './rate-limit';
import { RatingModel } from './rating';
import { ServicePointModel } from './service-point';
import { SlotModel } from './slot';
import { SmsCodeModel } from './sms-code';
import { SmsOptOutModel } from './sms-opt-out';
import { StaffModel } from './staff';
import { TicketSequenceModel } from './ticket-sequence';
import { TicketModel } from './ticket';
import { UserModel } from './user';

export const GATEWAY_MODELS = [
  ApplicationModel,
  AuditLogModel,
  BookingModel,
  CalendarOverrideModel,
  ComplaintModel,
  GuideVersionModel,
  GuideModel,
  JobRunModel,
  LeaseModel,
  MessageModel,
  NoShowModel,
  NoticeModel,
  Open311KeyModel,
  RateLimitModel,
  RatingModel,
  ServicePointModel,
  SlotModel,
  SmsCodeModel,
  SmsOptOutModel,
  StaffModel,
  TicketSequenceModel,
  TicketModel,
  UserModel,
];

/** The GridFS bucket of uploaded files (application materials, complaint photos). */
export const UPLOADS_BUCKET = 'uploads';

/**
 * The bucket's two collections with the indexes the driver would otherwise make on the first upload
 * (it skips them once they exist), so that two uploads into a new database do not create them at once.
 */
export async function prepareUploadCollections(db: mongo.Db): Promise<void> {
  await Promise.all([
    db.collection(`${UPLOADS_BUCKET}.files`).createIndex({ filename: 1, uploadDate: 1 }),
    db.collection(`${UPLOADS_BUCKET}.chunks`).createIndex({ files_id: 1, n: 1 }, { unique: true }),
  ]);
}
