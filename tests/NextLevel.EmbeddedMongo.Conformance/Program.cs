// Entry point: owned by the Conformance part (unified-format CRUD spec runner).
return 1;
