/**
 * The parts of zustand's `set` and `get` a slice needs, typed by the state the slice sees: its own
 * and the few fields or actions of other slices it uses, which it names in a small interface of its
 * own. So a slice never imports the whole store's type (which is built from the slices), and the
 * slices compose into any store that has what they see (src/store/appStore.ts).
 */
export type SetSlice<S> = (partial: Partial<S> | ((state: S) => Partial<S>)) => void;
export type GetSlice<S> = () => S;
