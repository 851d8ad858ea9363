export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Cardlens</h1>
      </header>
      <main className="app-main">
        <section className="drop-area" aria-label="Drop card images here">
          <p>Drop card images here</p>
        </section>
      </main>
    </div>
  );
}
