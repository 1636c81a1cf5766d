# Slurm through its command-line tools, on this computer or a login node over SSH: probing
# (version, partitions, nodes, the user's rights), partitions created/updated/deleted with
# scontrol, jobs submitted, queued and cancelled.
target_sources(trainyard-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../slurm/commandrunner.h
    ${CMAKE_CURRENT_LIST_DIR}/../slurm/localcommandrunner.cpp ${CMAKE_CURRENT_LIST_DIR}/../slurm/localcommandrunner.h
    ${CMAKE_CURRENT_LIST_DIR}/../slurm/sshcommandrunner.cpp ${CMAKE_CURRENT_LIST_DIR}/../slurm/sshcommandrunner.h
    ${CMAKE_CURRENT_LIST_DIR}/../slurm/slurmclient.cpp ${CMAKE_CURRENT_LIST_DIR}/../slurm/slurmclient.h
    ${CMAKE_CURRENT_LIST_DIR}/../slurm/slurmcluster.cpp ${CMAKE_CURRENT_LIST_DIR}/../slurm/slurmcluster.h
    ${CMAKE_CURRENT_LIST_DIR}/../slurm/slurmrunhost.cpp ${CMAKE_CURRENT_LIST_DIR}/../slurm/slurmrunhost.h
    ${CMAKE_CURRENT_LIST_DIR}/../slurm/slurmerror.h
    ${CMAKE_CURRENT_LIST_DIR}/../slurm/slurmtypes.cpp ${CMAKE_CURRENT_LIST_DIR}/../slurm/slurmtypes.h)
target_include_directories(trainyard-core PUBLIC ${CMAKE_CURRENT_LIST_DIR}/../slurm)
