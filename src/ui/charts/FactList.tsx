export interface Fact {
  readonly term: string;
  readonly value: string;
}

/** A small term–value list under a chart panel ("Mean 0.41", "Std 0.62"). */
export function FactList({ facts }: { readonly facts: readonly Fact[] }) {
  return (
    <dl className="nl-multiple__stats">
      {facts.map((f) => (
        <div key={f.term} className="nl-fact">
          <dt>{f.term}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
