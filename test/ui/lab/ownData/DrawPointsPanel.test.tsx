// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetAppStore } from '../../../../src/store/appStore';
import { DrawPointsPanel } from '../../../../src/ui/lab/ownData/DrawPointsPanel';

afterEach(() => resetAppStore());

describe('DrawPointsPanel', () => {
  it('places points of the chosen class with clicks and the keyboard, and erases them', () => {
    render(<DrawPointsPanel />);
    const plane = screen.getByRole('application', { name: /^Drawing plane/ });
    plane.getBoundingClientRect = () =>
      ({ left: 0, top: 0, width: 240, height: 240, right: 240, bottom: 240 }) as DOMRect;
    const count = () => screen.getByText(/points?:/).textContent;
    const trainOffered = () =>
      !screen.getByRole('button', { name: 'Train on these points' }).hasAttribute('disabled');
    fireEvent.click(plane, { clientX: 20, clientY: 20 });
    fireEvent.click(plane, { clientX: 40, clientY: 20 });
    expect(count()).toBe('2 points: 2 of class 1, 0 of class 2.');
    expect(trainOffered()).toBe(false);

    fireEvent.click(screen.getByRole('radio', { name: 'class 2' }));
    fireEvent.keyDown(plane, { key: 'ArrowRight' });
    fireEvent.keyDown(plane, { key: 'Enter' });
    fireEvent.click(plane, { clientX: 200, clientY: 200 });
    expect(count()).toBe('4 points: 2 of class 1, 2 of class 2.');
    expect(trainOffered()).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: 'Eraser' }));
    fireEvent.click(plane, { clientX: 201, clientY: 199 });
    expect(count()).toBe('3 points: 2 of class 1, 1 of class 2.');
    expect(screen.getByText(/class 2 needs at least 2 points/)).toBeTruthy();
  });
});
