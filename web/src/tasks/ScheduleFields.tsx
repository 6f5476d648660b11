'use client';

import { useId } from 'react';
import {
  describeLead,
  REMINDER_LEADS,
  WEEKDAYS,
  weekdayOf,
  type IntervalUnit,
  type RepeatEnd,
  type RepeatKind,
  type ScheduleForm,
  type Weekday,
} from './schedule';
import styles from './Tasks.module.css';

interface Props {
  value: ScheduleForm;
  onChange: (value: ScheduleForm) => void;
}

const UNITS: { id: IntervalUnit; label: string }[] = [
  { id: 'DAILY', label: 'days' },
  { id: 'WEEKLY', label: 'weeks' },
  { id: 'MONTHLY', label: 'months' },
];

/**
 * Due date and time, reminder and repetition, for the add and edit forms. What needs a due date
 * (a time, a reminder before it, a repetition, which counts from it) waits for one.
 */
export function ScheduleFields({ value, onChange }: Props) {
  const id = useId();
  const set = (changes: Partial<ScheduleForm>) => onChange({ ...value, ...changes });
  const hasDate = value.dueDate !== '';
  const leads: number[] = REMINDER_LEADS.map((lead) => lead.minutes);
  const customLead = /^\d+$/.test(value.reminder) && !leads.includes(Number(value.reminder));
  // no day chosen means the due date's weekday, which is shown ticked
  const shownDays = value.days.length > 0 || !hasDate ? value.days : [weekdayOf(value.dueDate)];
  const toggleDay = (day: Weekday, on: boolean) =>
    set({ days: on ? [...shownDays, day] : shownDays.filter((d) => d !== day) });

  return (
    <div className={styles.schedule}>
      <label>
        <span>Due date</span>
        <input name="dueDate" type="date" value={value.dueDate} onChange={(e) => set({ dueDate: e.target.value })} />
      </label>
      <label>
        <span>Due time</span>
        <input
          name="dueTime"
          type="time"
          value={value.dueTime}
          disabled={!hasDate}
          aria-describedby={hasDate ? undefined : `${id}-needs-date`}
          onChange={(e) => set({ dueTime: e.target.value })}
        />
      </label>
      <label>
        <span>Reminder</span>
        <select name="reminder" value={value.reminder} onChange={(e) => set({ reminder: e.target.value })}>
          <option value="none">None</option>
          {REMINDER_LEADS.map((lead) => (
            <option key={lead.minutes} value={String(lead.minutes)} disabled={!hasDate}>
              {lead.label}
            </option>
          ))}
          {customLead && <option value={value.reminder}>{describeLead(Number(value.reminder))}</option>}
          <option value="at">At a date and time…</option>
        </select>
      </label>
      {value.reminder === 'at' && (
        <label>
          <span>Remind at</span>
          <input
            name="remindAt"
            type="datetime-local"
            required
            value={value.remindAt}
            onChange={(e) => set({ remindAt: e.target.value })}
          />
        </label>
      )}
      <label>
        <span>Repeat</span>
        <select
          name="repeat"
          value={value.repeat}
          disabled={!hasDate}
          aria-describedby={hasDate ? undefined : `${id}-needs-date`}
          onChange={(e) => set({ repeat: e.target.value as RepeatKind })}
        >
          <option value="none">Never</option>
          {value.rule && value.repeat === 'keep' && <option value="keep">{value.ruleText ?? value.rule}</option>}
          <option value="daily">Daily</option>
          <option value="weekdays">Every weekday</option>
          <option value="weekly">Weekly on…</option>
          <option value="monthly">Monthly on the due day</option>
          <option value="interval">Every N days, weeks or months</option>
        </select>
      </label>
      {hasDate && value.repeat === 'weekly' && (
        <fieldset className={styles.days}>
          <legend>On days</legend>
          {WEEKDAYS.map((day) => (
            <label key={day.code} title={day.name}>
              <input
                type="checkbox"
                checked={shownDays.includes(day.code)}
                onChange={(e) => toggleDay(day.code, e.target.checked)}
                aria-label={day.name}
              />
              <span aria-hidden="true">{day.short}</span>
            </label>
          ))}
        </fieldset>
      )}
      {hasDate && value.repeat === 'interval' && (
        <div className={styles.inline}>
          <label>
            <span>Every</span>
            <input
              name="interval"
              type="number"
              min={1}
              max={999}
              required
              value={value.interval}
              onChange={(e) => set({ interval: Number(e.target.value) })}
            />
          </label>
          <label>
            <span>Unit</span>
            <select value={value.unit} onChange={(e) => set({ unit: e.target.value as IntervalUnit })}>
              {UNITS.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {hasDate && value.repeat !== 'none' && value.repeat !== 'keep' && (
        <div className={styles.inline}>
          <label>
            <span>Ends</span>
            <select value={value.end} onChange={(e) => set({ end: e.target.value as RepeatEnd })}>
              <option value="never">Never</option>
              <option value="until">On a date</option>
              <option value="count">After a number of times</option>
            </select>
          </label>
          {value.end === 'until' && (
            <label>
              <span>End date</span>
              <input
                type="date"
                required
                min={value.dueDate}
                value={value.until}
                onChange={(e) => set({ until: e.target.value })}
              />
            </label>
          )}
          {value.end === 'count' && (
            <label>
              <span>Times</span>
              <input
                type="number"
                min={1}
                max={1000}
                required
                value={value.count}
                onChange={(e) => set({ count: Number(e.target.value) })}
              />
            </label>
          )}
        </div>
      )}
      {!hasDate && (
        <p id={`${id}-needs-date`} className={styles.scheduleHint}>
          Set a due date for a due time, a reminder before it, or a repetition.
        </p>
      )}
    </div>
  );
}
