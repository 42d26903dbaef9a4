"""Many reports into one picture: clusters of the same event, independent origins, contradictions."""
