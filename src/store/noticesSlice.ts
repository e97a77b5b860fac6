import type { UrlNotice } from '../lab/urlState';
import type { SetSlice } from './sliceAccess';

export interface NoticesSlice {
  /** What a shared link asked for that could not be used (shown until dismissed). */
  readonly urlNotices: readonly UrlNotice[];
  setUrlNotices(notices: readonly UrlNotice[]): void;
  dismissUrlNotices(): void;
}

export const createNoticesSlice = (set: SetSlice<NoticesSlice>): NoticesSlice => ({
  urlNotices: [],
  setUrlNotices(notices) {
    set({ urlNotices: notices });
  },
  dismissUrlNotices() {
    set({ urlNotices: [] });
  },
});
