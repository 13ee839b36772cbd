"""answer: turn a routed question into an `Answer` — extractive by default, an LLM when configured —
and check every answer's numbers and citations before it is sent."""
