// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ShareWithRoom } from '../../../src/ui/share/ShareWithRoom';

describe('ShareWithRoom', () => {
  afterEach(cleanup);

  it('fills the screen with the code and the link of the state asked for when it opens', async () => {
    const user = userEvent.setup();
    let hash = '#/lab?a.lr=0.1';
    render(<ShareWithRoom hash={() => hash} what="these runs and settings" />);
    hash = '#/lab?a.lr=0.3';
    await user.click(screen.getByRole('button', { name: 'Share with the room' }));

    const dialog = screen.getByRole('dialog', { name: 'Share with the room' });
    const link = `${window.location.origin}${window.location.pathname}#/lab?a.lr=0.3`;
    expect(
      screen.getByRole('img', { name: 'QR code of the link to these runs and settings' }),
    ).toBeInTheDocument();
    const shown = screen.getByRole('link', { name: link.replace(/^https?:\/\//, '') });
    expect(shown).toHaveAttribute('href', link);
    expect(dialog).toHaveTextContent('Scan with a phone camera to open these runs and settings');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Share with the room' })).toHaveFocus();
  });
});
