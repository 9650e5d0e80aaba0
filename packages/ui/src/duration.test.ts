import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['1h 30m', 5400],
    ['1h30', 5400],
    ['1h', 3600],
    ['2 hours', 7200],
    ['90m', 5400],
    ['45 min', 2700],
    ['1:30', 5400],
    ['0:05', 300],
    ['1.5', 5400],
    ['1,5', 5400],
    ['.25', 900],
    ['2', 7200],
    [' 1.5h ', 5400],
  ])('reads %s as %i seconds', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(['', 'abc', '0', '0h', '1:75', '-1', 'h', '1h 30m extra'])('refuses %j', (input) => {
    expect(parseDuration(input)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [5400, '1h 30m'],
    [3600, '1h'],
    [2700, '45m'],
    [89, '1m'],
  ])('shows %i seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

it('formatClock shows a running timer', () => {
  expect(formatClock(3723)).toBe('1:02:03');
  expect(formatClock(59.9)).toBe('0:00:59');
});
