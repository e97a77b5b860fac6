// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineStatus } from '../../../src/ui/offline/OfflineStatus';
import { UpdateNotice } from '../../../src/ui/offline/UpdateNotice';

afterEach(cleanup);

describe('UpdateNotice', () => {
  it('shows nothing while no new version waits', () => {
    render(<UpdateNotice updateWaiting={false} onReload={vi.fn()} onLater={vi.fn()} />);
    expect(screen.queryByRole('status', { name: 'New version' })).not.toBeInTheDocument();
  });

  it('announces a waiting version and reloads only when the learner chooses to', async () => {
    const onReload = vi.fn();
    const onLater = vi.fn();
    render(<UpdateNotice updateWaiting onReload={onReload} onLater={onLater} />);
    const notice = screen.getByRole('status', { name: 'New version' });
    expect(notice).toHaveTextContent(/A new version of normlab is ready\. Your progress is kept/);
    expect(onReload).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(onLater).toHaveBeenCalledTimes(1);
    expect(onReload).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});

describe('OfflineStatus', () => {
  it('says "Available offline" once the app is cached, and is an empty live region before', () => {
    const { rerender } = render(<OfflineStatus ready={false} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    rerender(<OfflineStatus ready />);
    expect(screen.getByRole('status')).toHaveTextContent('Available offline');
  });
});
