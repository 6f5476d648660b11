import { TodoApp } from './TodoApp';

export default function Home() {
  return <TodoApp />;
}
