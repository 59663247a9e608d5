/** Importing this registers every background task (queue consumers and scheduled jobs). */
import './notifications/delivery';
import './notices/service';
import './applications/supervision';
import './bookings/tasks';
import './complaints/deadlines';
