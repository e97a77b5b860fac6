export function App() {
  return (
    <main>
      <h1>normlab</h1>
      <p>An interactive lesson on batch normalization and weight initialization.</p>
    </main>
  );
}
