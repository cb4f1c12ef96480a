"""The search's query set: what residents type, and the matters that count as right."""
