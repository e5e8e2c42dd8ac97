// Entry point: owned by the Bench part.
return 1;
