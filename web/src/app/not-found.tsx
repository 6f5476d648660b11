import styles from './App.module.css';

/** Styled by class, not inline: the CSP allows no inline styles. */
export default function NotFound() {
  return (
    <main className={styles.notFound}>
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to your tasks</a>
      </p>
    </main>
  );
}
