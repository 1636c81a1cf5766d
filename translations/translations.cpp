// The translations library only carries the embedded .qm resources.
